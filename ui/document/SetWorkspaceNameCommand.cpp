#include "SetWorkspaceNameCommand.h"

#include "WorkspaceDocument.h"

#include <QCoreApplication>

namespace AuthStudio {

SetWorkspaceNameCommand::SetWorkspaceNameCommand(WorkspaceDocument *document, const QString &name)
    : QUndoCommand(QCoreApplication::translate("AuthStudio::WorkspaceDocument", "Rename workspace"))
    , m_document(document)
    , m_oldName(document->workspace().name)
    , m_newName(name)
{ }

void SetWorkspaceNameCommand::undo()
{
    m_document->setWorkspaceNameRaw(m_oldName);
}

void SetWorkspaceNameCommand::redo()
{
    m_document->setWorkspaceNameRaw(m_newName);
}

} // namespace AuthStudio
