// StepRef: where a step lives in a workspace (resource index, auth or refresh workflow, step index).
// Editors and models hold one to know which step they show; DocumentChange::mapStep keeps it current
// when steps or resources move.
#pragma once

namespace AuthStudio {

enum class WorkflowKind { Auth, Refresh };

struct StepRef
{
    int resource = -1;
    WorkflowKind workflow = WorkflowKind::Auth;
    int step = -1;

    bool isNull() const { return resource < 0 || step < 0; }
    bool sameWorkflow(const StepRef &other) const
    {
        return resource == other.resource && workflow == other.workflow;
    }
    bool operator==(const StepRef &) const = default;
};

} // namespace AuthStudio
