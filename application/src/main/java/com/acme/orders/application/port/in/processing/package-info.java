/** The driving port of the processing job: one run that moves pending orders through processing to completed. */
package com.acme.orders.application.port.in.processing;
