// AddRemoveResourceCommand: inserts a resource at an index (add, duplicate, import) or removes one; undo
// does the opposite. The removed resource is kept in the command so undo restores it exactly.
#pragma once

#include "model/Resource.h"

#include <QUndoCommand>

namespace AuthStudio {

class WorkspaceDocument;

class AddRemoveResourceCommand : public QUndoCommand
{
public:
    enum class Mode { Add, Remove };

    // For Remove, `resource` is ignored: the command takes the document's resource at `index`.
    AddRemoveResourceCommand(WorkspaceDocument *document, Mode mode, int index, const Resource &resource,
                             const QString &text);

    void undo() override;
    void redo() override;

private:
    void add();
    void remove();

    WorkspaceDocument *m_document;
    Mode m_mode;
    int m_index;
    Resource m_resource;
};

} // namespace AuthStudio
