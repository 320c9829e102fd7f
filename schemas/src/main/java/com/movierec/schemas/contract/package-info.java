/**
 * The client side's one copy of the strings the modules agree on: the {@code Custom::Personalize*} resource types
 * and their {@code Tags} property (docs/personalize-resources.md, between infra's custom resources and the lifecycle
 * Lambda), the API Lambda's environment variables (lambdas/api/README.md, between infra, the local deployer and the
 * API), the offline metric names a quality gate names (docs/configuration.md) and Personalize's status strings.
 * Infra, the lifecycle and API Lambdas and the local deployer read them from here, never from a literal of their own.
 *
 * <p>personalize-local, the Personalize emulator, deliberately keeps its own copies: it is the independent side of
 * the contract, the stand-in for Amazon Personalize, so a wrong value here fails against it instead of agreeing with
 * itself.
 */
package com.movierec.schemas.contract;
