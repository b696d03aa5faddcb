// SetValueCommand: the one generic undo command that replaces a value of the workspace (the variables
// table, a whole Resource, or one Step) with a new value and back. Editors change fields by copying the
// value, changing the field and pushing this command, so most edits need no command of their own.
// Consecutive edits of the same field (same target, same non-empty merge key, e.g. typing in the base URL)
// merge into one undo step.
#pragma once

#include "StepRef.h"
#include "model/Resource.h"
#include "model/Step.h"

#include <QUndoCommand>

#include <variant>

namespace AuthStudio {

class WorkspaceDocument;

class SetValueCommand : public QUndoCommand
{
public:
    struct Target
    {
        enum class Kind { Variables, ResourceValue, StepValue };
        Kind kind = Kind::Variables;
        StepRef ref; // Resource: ref.resource; Step: the whole ref

        bool operator==(const Target &) const = default;
    };
    using Value = std::variant<KeyValueList, Resource, Step>;

    // Reads the current value from the document as the value undo() restores.
    SetValueCommand(WorkspaceDocument *document, const Target &target, Value newValue, const QString &text,
                    const QString &mergeKey);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    static constexpr int MergeId = 0x4153; // any constant unique among our commands

private:
    WorkspaceDocument *m_document;
    Target m_target;
    Value m_oldValue;
    Value m_newValue;
    QString m_mergeKey;
};

} // namespace AuthStudio
