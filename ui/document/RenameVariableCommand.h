// RenameVariableCommand: renames a workspace variable and, in the same undo step, rewrites the references
// to it in every resource ({{ DEMO_API }}/login becomes {{ API }}/login; see
// ReferenceRenamer::renameVariable). Undo puts the name and every rewritten resource back. The variables
// table commits a name once its editor closes, so unlike RenameStepCommand there is no typing to merge.
#pragma once

#include "model/Workspace.h"

#include <QList>
#include <QUndoCommand>

namespace AuthStudio {

class WorkspaceDocument;

class RenameVariableCommand : public QUndoCommand
{
public:
    // Reads the workspace as it is now as the value undo() restores.
    RenameVariableCommand(WorkspaceDocument *document, int index, const QString &newName);

    void undo() override;
    void redo() override;

private:
    void apply(const Workspace &workspace);

    WorkspaceDocument *m_document;
    Workspace m_oldWorkspace;
    Workspace m_newWorkspace;
    QList<int> m_rewritten; // the resources whose references changed
};

} // namespace AuthStudio
