/**
 * A deliberately broken copy of the service's layout, never run: each class breaks one or more architecture rules
 * (the class comment says which), so that {@code ArchitectureRulesCanFailTest} can show each rule failing. Keep it
 * broken; it lives in test sources, outside the production import.
 */
package com.acme.orders.archfixture.bad;
