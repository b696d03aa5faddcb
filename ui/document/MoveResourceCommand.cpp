#include "MoveResourceCommand.h"

#include "WorkspaceDocument.h"

#include <QCoreApplication>

namespace AuthStudio {

MoveResourceCommand::MoveResourceCommand(WorkspaceDocument *document, int from, int to)
    : QUndoCommand(QCoreApplication::translate("AuthStudio::WorkspaceDocument", "Move resource"))
    , m_document(document)
    , m_from(from)
    , m_to(to)
{ }

void MoveResourceCommand::undo()
{
    m_document->moveResourceRaw(m_to, m_from);
}

void MoveResourceCommand::redo()
{
    m_document->moveResourceRaw(m_from, m_to);
}

} // namespace AuthStudio
