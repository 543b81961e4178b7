/** Driven ports: what the use cases need from the outside world, named by role. */
package com.acme.orders.application.port.out;
