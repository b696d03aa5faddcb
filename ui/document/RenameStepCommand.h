// RenameStepCommand: renames a step and, in the same undo step, rewrites every expression of its resource
// that refers to it (later steps, the session's readers for a Define variable; see
// ReferenceRenamer::renameStep). It keeps the resource as it was before the rename and computes the
// result from that, so typing a new name letter by letter merges into one step whose result doesn't
// depend on the half-typed names in between ("", "l", "lo", ... or one that clashes with another name).
#pragma once

#include "StepRef.h"
#include "model/Resource.h"
#include "script/ReferenceRenamer.h"

#include <QUndoCommand>

namespace AuthStudio {

class WorkspaceDocument;

// The ReferenceRenamer workflow part that a StepRef's workflow kind names.
ReferenceRenamer::WorkflowPart renamerPart(WorkflowKind kind);

class RenameStepCommand : public QUndoCommand
{
public:
    // Reads the resource as it is now as the value undo() restores.
    RenameStepCommand(WorkspaceDocument *document, const StepRef &ref, const QString &newName,
                      const QString &mergeKey);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    static constexpr int MergeId = 0x4154; // unique among our commands (SetValueCommand is 0x4153)

private:
    Resource renamed(const QString &name) const;
    void apply(const Resource &resource);

    WorkspaceDocument *m_document;
    StepRef m_ref;
    QString m_newName;
    QString m_mergeKey;
    Resource m_oldResource;
    Resource m_newResource;
};

} // namespace AuthStudio
