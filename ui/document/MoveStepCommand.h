// MoveStepCommand: moves a step within its workflow (QList::move semantics: `to` is the final index).
#pragma once

#include "StepRef.h"

#include <QUndoCommand>

namespace AuthStudio {

class WorkspaceDocument;

class MoveStepCommand : public QUndoCommand
{
public:
    MoveStepCommand(WorkspaceDocument *document, const StepRef &from, int to);

    void undo() override;
    void redo() override;

private:
    WorkspaceDocument *m_document;
    StepRef m_from;
    int m_to;
};

} // namespace AuthStudio
