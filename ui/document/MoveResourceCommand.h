// MoveResourceCommand: moves a resource in the workspace's list (QList::move semantics: `to` is the
// final index).
#pragma once

#include <QUndoCommand>

namespace AuthStudio {

class WorkspaceDocument;

class MoveResourceCommand : public QUndoCommand
{
public:
    MoveResourceCommand(WorkspaceDocument *document, int from, int to);

    void undo() override;
    void redo() override;

private:
    WorkspaceDocument *m_document;
    int m_from;
    int m_to;
};

} // namespace AuthStudio
