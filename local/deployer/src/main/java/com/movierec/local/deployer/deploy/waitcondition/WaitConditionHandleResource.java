package com.movierec.local.deployer.deploy.waitcondition;

import com.movierec.local.deployer.deploy.resources.ResourceHandler;
import com.movierec.local.deployer.deploy.resources.ResourceOutcome;
import com.movierec.local.deployer.deploy.resources.ResourceRequest;

/** {@code AWS::CloudFormation::WaitConditionHandle}: its Ref is the URL the watcher signals, on the local board. */
public final class WaitConditionHandleResource implements ResourceHandler {
    private final SignalBoard board;

    public WaitConditionHandleResource(SignalBoard board) {
        this.board = board;
    }

    @Override
    public ResourceOutcome create(ResourceRequest request) {
        return ResourceOutcome.of(board.open(request.stack().stackName(), request.logicalId()));
    }

    /** A handle has no properties; its URL stays. */
    @Override
    public ResourceOutcome update(ResourceRequest request) {
        board.adopt(request.physicalId());
        return ResourceOutcome.of(request.physicalId());
    }

    @Override
    public void delete(ResourceRequest request) {
        board.close(request.physicalId());
    }
}
