/** The driving port of the housekeeping job: removing what has expired. */
package com.acme.orders.application.port.in.housekeeping;
