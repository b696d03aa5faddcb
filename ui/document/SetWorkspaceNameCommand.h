// SetWorkspaceNameCommand: changes the workspace's name. The studio has no field for it (a workspace is
// known by its file), but a reload brings in a name another program wrote, and Undo must take it back.
#pragma once

#include <QString>
#include <QUndoCommand>

namespace AuthStudio {

class WorkspaceDocument;

class SetWorkspaceNameCommand : public QUndoCommand
{
public:
    // Reads the current name from the document as the name undo() restores.
    SetWorkspaceNameCommand(WorkspaceDocument *document, const QString &name);

    void undo() override;
    void redo() override;

private:
    WorkspaceDocument *m_document;
    QString m_oldName;
    QString m_newName;
};

} // namespace AuthStudio
