// Workflow: an ordered list of steps (the auth workflow or the refresh workflow of a resource).
#pragma once

#include "Step.h"

#include <QList>
#include <QStringList>

namespace AuthStudio {

struct Workflow
{
    QList<Step> steps;

    bool isEmpty() const { return steps.isEmpty(); }
    // No step, or only disabled ones: a run of it does nothing (a login with it logs in nobody).
    bool runsNothing() const;
    // Whether a run of it opens a form: it has an enabled Form step.
    bool asksTheUser() const;
    // The first free name for a new step of this type: form1, http2, js1, ...
    QString nextStepName(StepType type) const;
    bool hasName(const QString &name) const { return indexOf(name) >= 0; }
    // The index of the step with this name, -1 when none has it.
    int indexOf(const QString &name) const;
    // The names its enabled Define variable steps set: what a run of it leaves in a session.
    QStringList definedVariableNames() const;
    bool operator==(const Workflow &) const = default;
};

} // namespace AuthStudio
