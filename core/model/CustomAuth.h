// CustomAuth: a resource's custom authentication: the auth workflow, the refresh workflow and the rules
// that decide when each runs. Holds configuration only; values a run produces live in sessions.
#pragma once

#include "Workflow.h"

namespace AuthStudio {

struct CustomAuth
{
    enum class RefreshTrigger { None, TimeBased, EveryQuery };

    Workflow authWorkflow;
    Workflow refreshWorkflow;

    bool loginTestEnabled = false;
    QString loginTestUrl;
    bool runWithoutPrompt = false;
    // Whether a stored session is tested before use: switched on, with a URL to test it at (switched on
    // without one, it is off; see WorkspaceValidator::loginTestUrlMissing()).
    bool testsLogin() const { return loginTestEnabled && !loginTestUrl.trimmed().isEmpty(); }

    RefreshTrigger refreshTrigger = RefreshTrigger::None;
    // Lifetime for TimeBased: a constant ("3600") or an expression ("{{ EXPIRES_IN }}"), in seconds.
    QString expiresIn;
    // Which failed queries run the refresh workflow: empty means any non-2xx status.
    QList<int> refreshOnStatuses;
    QString refreshOnBodyPattern;

    int loginTimeoutSeconds = 0; // 0: sessions don't time out

    bool operator==(const CustomAuth &) const = default;
};

} // namespace AuthStudio
