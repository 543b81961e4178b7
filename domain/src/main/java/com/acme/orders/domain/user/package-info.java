/** Users and their credentials: names, normalised emails, password rules. */
package com.acme.orders.domain.user;
