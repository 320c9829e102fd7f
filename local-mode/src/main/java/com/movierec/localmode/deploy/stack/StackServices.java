package com.movierec.localmode.deploy.stack;

import com.movierec.localmode.deploy.DeployListener;
import com.movierec.localmode.deploy.resources.HandlerLookup;
import com.movierec.localmode.deploy.state.StateStore;

/** What deploying or destroying a stack works with, shared by the stacks of one run. */
public record StackServices(HandlerLookup handlers, StateStore store, DeployListener listener, ExportLookup exports) {
}
