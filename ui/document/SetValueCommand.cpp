#include "SetValueCommand.h"

#include "WorkspaceDocument.h"

namespace AuthStudio {

SetValueCommand::SetValueCommand(WorkspaceDocument *document, const Target &target, Value newValue,
                                 const QString &text, const QString &mergeKey)
    : QUndoCommand(text)
    , m_document(document)
    , m_target(target)
    , m_oldValue(document->valueAt(target))
    , m_newValue(std::move(newValue))
    , m_mergeKey(mergeKey)
{ }

void SetValueCommand::undo()
{
    m_document->applyValue(m_target, m_oldValue);
}

void SetValueCommand::redo()
{
    m_document->applyValue(m_target, m_newValue);
}

int SetValueCommand::id() const
{
    // -1 tells QUndoStack never to merge: discrete edits (a checkbox, a combo) stay separate steps.
    return m_mergeKey.isEmpty() ? -1 : MergeId;
}

bool SetValueCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const SetValueCommand *>(other);
    if (!next || next->m_target != m_target || next->m_mergeKey != m_mergeKey)
        return false;
    m_newValue = next->m_newValue;
    // Typing and erasing back to the original leaves nothing to undo.
    setObsolete(m_newValue == m_oldValue);
    return true;
}

} // namespace AuthStudio
