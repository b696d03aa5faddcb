#include "MoveStepCommand.h"

#include "WorkspaceDocument.h"

#include <QCoreApplication>

namespace AuthStudio {

MoveStepCommand::MoveStepCommand(WorkspaceDocument *document, const StepRef &from, int to)
    : QUndoCommand(QCoreApplication::translate("AuthStudio::WorkspaceDocument", "Move step"))
    , m_document(document)
    , m_from(from)
    , m_to(to)
{ }

void MoveStepCommand::undo()
{
    StepRef moved = m_from;
    moved.step = m_to;
    m_document->moveStepRaw(moved, m_from.step);
}

void MoveStepCommand::redo()
{
    m_document->moveStepRaw(m_from, m_to);
}

} // namespace AuthStudio
