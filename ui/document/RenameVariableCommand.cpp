#include "RenameVariableCommand.h"

#include "WorkspaceDocument.h"
#include "script/ReferenceRenamer.h"

#include <QCoreApplication>

namespace AuthStudio {

RenameVariableCommand::RenameVariableCommand(WorkspaceDocument *document, int index, const QString &newName)
    : QUndoCommand(QCoreApplication::translate("AuthStudio::WorkspaceDocument", "Rename variable"))
    , m_document(document)
    , m_oldWorkspace(document->workspace())
    , m_newWorkspace(ReferenceRenamer::renameVariable(m_oldWorkspace, index, newName))
{
    for (int i = 0; i < m_oldWorkspace.resources.size(); ++i) {
        if (m_oldWorkspace.resources.at(i) != m_newWorkspace.resources.at(i))
            m_rewritten.append(i);
    }
}

void RenameVariableCommand::apply(const Workspace &workspace)
{
    for (const int index : std::as_const(m_rewritten)) {
        m_document->applyValue(
            {SetValueCommand::Target::Kind::ResourceValue, {index, WorkflowKind::Auth, -1}},
            workspace.resources.at(index));
    }
    // The variables last: the edit's place, which Undo shows, is the table rather than the last resource.
    m_document->applyValue({SetValueCommand::Target::Kind::Variables, {}}, workspace.variables);
}

void RenameVariableCommand::undo()
{
    apply(m_oldWorkspace);
}

void RenameVariableCommand::redo()
{
    apply(m_newWorkspace);
}

} // namespace AuthStudio
