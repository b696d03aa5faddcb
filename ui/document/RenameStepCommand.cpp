#include "RenameStepCommand.h"

#include "WorkspaceDocument.h"

#include <QCoreApplication>

namespace AuthStudio {

RenameStepCommand::RenameStepCommand(WorkspaceDocument *document, const StepRef &ref, const QString &newName,
                                     const QString &mergeKey)
    : QUndoCommand(QCoreApplication::translate("AuthStudio::WorkspaceDocument", "Rename step"))
    , m_document(document)
    , m_ref(ref)
    , m_newName(newName)
    , m_mergeKey(mergeKey)
    , m_oldResource(document->resource(ref.resource))
    , m_newResource(renamed(newName))
{ }

ReferenceRenamer::WorkflowPart renamerPart(WorkflowKind kind)
{
    return kind == WorkflowKind::Auth ? ReferenceRenamer::WorkflowPart::Auth
                                      : ReferenceRenamer::WorkflowPart::Refresh;
}

Resource RenameStepCommand::renamed(const QString &name) const
{
    return ReferenceRenamer::renameStep(m_oldResource, renamerPart(m_ref.workflow), m_ref.step, name);
}

void RenameStepCommand::apply(const Resource &resource)
{
    m_document->applyValue({SetValueCommand::Target::Kind::ResourceValue, m_ref}, resource);
}

void RenameStepCommand::undo()
{
    apply(m_oldResource);
}

void RenameStepCommand::redo()
{
    apply(m_newResource);
}

int RenameStepCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : MergeId;
}

bool RenameStepCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const RenameStepCommand *>(other);
    if (!next || next->m_ref != m_ref || next->m_mergeKey != m_mergeKey)
        return false;
    m_newName = next->m_newName;
    m_newResource = renamed(m_newName);
    // The next command computed its result from the half-typed name before it, which may have lost
    // references (renamed to "" or to a name that clashed): show the result computed from the original.
    if (m_document->resource(m_ref.resource) != m_newResource)
        apply(m_newResource);
    // Typing the original name back leaves nothing to undo.
    setObsolete(m_newResource == m_oldResource);
    return true;
}

} // namespace AuthStudio
