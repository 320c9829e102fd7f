package com.movierec.infra.workflow;

import java.util.Map;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.StepFunctionsStartExecution;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/** An EventBridge Scheduler schedule that starts a state machine with an empty input: batch lists, retraining. */
public final class WorkflowSchedule {
    private WorkflowSchedule() {
    }

    /**
     * @param expression {@code rate(...)} or {@code cron(...)}, as the configuration validated it
     * @param name       the schedule's name: the state machine's
     */
    public static Schedule start(Construct scope, String name, String description, String expression,
                                 IStateMachine stateMachine) {
        return Schedule.Builder.create(scope, "Schedule")
                .scheduleName(name)
                .description(description)
                .schedule(ScheduleExpression.expression(expression))
                .target(StepFunctionsStartExecution.Builder.create(stateMachine)
                        .input(ScheduleTargetInput.fromObject(Map.of()))
                        .build())
                .build();
    }
}
