package com.movierec.local.deployer.deploy.stack;

import com.movierec.local.deployer.deploy.DeployListener;
import com.movierec.local.deployer.deploy.resources.HandlerLookup;
import com.movierec.local.deployer.deploy.state.StateStore;

/** What deploying or destroying a stack works with, shared by the stacks of one run. */
public record StackServices(HandlerLookup handlers, StateStore store, DeployListener listener, ExportLookup exports) {
}
