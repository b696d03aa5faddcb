// AddRemoveStepCommand: inserts a step into a workflow (add, duplicate) or removes one; undo does the
// opposite. The removed step is kept in the command so undo restores it exactly.
#pragma once

#include "StepRef.h"
#include "model/Step.h"

#include <QUndoCommand>

namespace AuthStudio {

class WorkspaceDocument;

class AddRemoveStepCommand : public QUndoCommand
{
public:
    enum class Mode { Add, Remove };

    // For Remove, `step` is ignored: the command takes the document's step at `ref`.
    AddRemoveStepCommand(WorkspaceDocument *document, Mode mode, const StepRef &ref, const Step &step,
                         const QString &text);

    void undo() override;
    void redo() override;

private:
    void add();
    void remove();

    WorkspaceDocument *m_document;
    Mode m_mode;
    StepRef m_ref;
    Step m_step;
};

} // namespace AuthStudio
