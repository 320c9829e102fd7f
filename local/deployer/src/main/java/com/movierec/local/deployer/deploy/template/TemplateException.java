package com.movierec.local.deployer.deploy.template;

/** A template the local deployer cannot use: malformed, an unknown reference, an intrinsic it does not implement. */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
