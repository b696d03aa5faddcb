// KnownNames: the names an expression may use at one place of a workspace (WorkspaceDocument::namesKnownAt),
// for the editors that check and complete them. Steps whose result has fields (form1, http1, js1) are kept
// apart from plain values (variables), because "{{ http1" goes on with ".body" while "{{ TOKEN }}" is whole,
// and what is known to follow a step's name is kept, so "{{ form1." can offer the form's fields and, after
// a test run, "{{ http1.body." the keys the reply held (and a field can tell what it came to in that run).
#pragma once

#include "Scope.h"

#include <QHash>
#include <QStringList>

namespace AuthStudio {

struct KnownNames
{
    QStringList values; // the workspace's variables and those Define variable steps set
    QStringList objects; // the steps before, whose results have fields
    // The fields known before a run, by step: a form's keys; a request's body, headers and status.
    QHash<QString, QStringList> members;
    // The workflow's steps a run hasn't set at this place (this step, later and disabled ones), unless
    // something known here has the name: a script that reads one fails, so the script editor flags it as
    // an expression field flags any unknown name.
    QStringList unavailableSteps;
    // The scope the workflow's last test run left: the fields that depend on the reply, and what a field
    // came to (masked by its secrets, as everywhere).
    Scope lastRun;
    // Which run that was. Editors compare the names they are handed after every edit; runs are told apart
    // by this rather than by their values, which may hold a reply of megabytes.
    quint64 lastRunId = 0;

    QStringList all() const { return values + objects; }
    friend bool operator==(const KnownNames &a, const KnownNames &b)
    {
        return a.values == b.values && a.objects == b.objects && a.members == b.members &&
            a.unavailableSteps == b.unavailableSteps && a.lastRunId == b.lastRunId;
    }
};

} // namespace AuthStudio
