// SetStepEnabledCommand: turns a step on or off. Disabled steps stay in the workflow (and the file) but
// the runner skips them, which is how people try a workflow without a step.
#pragma once

#include "StepRef.h"

#include <QUndoCommand>

namespace AuthStudio {

class WorkspaceDocument;

class SetStepEnabledCommand : public QUndoCommand
{
public:
    SetStepEnabledCommand(WorkspaceDocument *document, const StepRef &ref, bool enabled);

    void undo() override;
    void redo() override;

private:
    WorkspaceDocument *m_document;
    StepRef m_ref;
    bool m_enabled;
};

} // namespace AuthStudio
