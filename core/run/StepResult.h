// StepResult and RunResult: what a workflow run reports per step and at its end. Each step result carries
// a snapshot of the scope after the step, for the run log and the scope inspector, and a JavaScript
// step's console lines.
#pragma once

#include "model/Step.h"
#include "script/ConsoleLine.h"
#include "script/Scope.h"

#include <QList>
#include <QMetaType>

namespace AuthStudio {

enum class RunOutcome { Succeeded, Failed, Cancelled, Skipped };
QString runOutcomeId(RunOutcome outcome); // "succeeded", "failed", "cancelled", "skipped"

struct StepResult
{
    int index = -1;
    QString name;
    StepType type = StepType::Form;
    RunOutcome outcome = RunOutcome::Succeeded;
    qint64 elapsedNs = 0;
    int httpStatus = 0; // API Request steps that got a reply
    QString detail; // e.g. "POST http://127.0.0.1:8787/login"
    QString error; // failures: the message naming the step and field
    QString field; // failures: the field at fault ("url", "header 'Authorization'", "code")
    // JavaScript steps: what the script wrote with console.log() and the others, each line naming the
    // step, kept when the script then threw or timed out. Not masked: mask with the run's secrets to show.
    QList<ConsoleLine> console;
    Scope scope; // after the step
};

struct RunResult
{
    RunOutcome outcome = RunOutcome::Succeeded;
    // What the user is told when the run failed: for a non-2xx reply the JSON body stringified, or the
    // raw body when it isn't JSON; otherwise the error naming the step and field.
    QString notification;
    int failedStepIndex = -1;
    QString failedStep;
    QString failedField;
    qint64 elapsedNs = 0;
    QList<StepResult> steps;
    Scope scope;

    bool succeeded() const { return outcome == RunOutcome::Succeeded; }
};

} // namespace AuthStudio

Q_DECLARE_METATYPE(AuthStudio::StepResult)
Q_DECLARE_METATYPE(AuthStudio::RunResult)
