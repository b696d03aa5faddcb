// WorkflowPrecheck: the first step a run of a workflow would stop at, found without running anything: a
// name nothing defines, code that doesn't compile, an address that isn't http, a header or parameter
// that can't be sent, a JSON body that isn't JSON. The studio's Test and Auth Login say so before a form
// asks for a password the run would spend for nothing (QA passes 35, 40 and 48).
#pragma once

#include "model/Workflow.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace AuthStudio {

class ScriptEngine;

class WorkflowPrecheck
{
public:
    struct Stop
    {
        QString reason; // "Step “http1” reads {{ tokn }}, which no workspace variable and no step before it
                        // defines"
        bool afterForm = false; // an enabled Form step comes before it: the user would type for nothing
    };

    // definedNames: what the run starts with (workspace variables, a session's values). `engine` compiles
    // the scripts, none of which runs.
    static std::optional<Stop> firstStop(const Workflow &workflow, const QStringList &definedNames,
                                         ScriptEngine &engine);
};

} // namespace AuthStudio
