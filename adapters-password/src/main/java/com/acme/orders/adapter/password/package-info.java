/**
 * Driven adapter: the {@code PasswordHasher} port on bcrypt ({@code at.favre.lib:bcrypt}).
 *
 * <p>Depends on the application's ports and the domain only; never on another adapter.
 */
package com.acme.orders.adapter.password;
