/** What every part of the model shares: the refusal of an invalid value. */
package com.acme.orders.domain.shared;
