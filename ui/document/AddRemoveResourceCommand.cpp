#include "AddRemoveResourceCommand.h"

#include "WorkspaceDocument.h"

namespace AuthStudio {

AddRemoveResourceCommand::AddRemoveResourceCommand(WorkspaceDocument *document, Mode mode, int index,
                                                   const Resource &resource, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_mode(mode)
    , m_index(index)
    , m_resource(mode == Mode::Add ? resource : document->resource(index))
{ }

void AddRemoveResourceCommand::undo()
{
    m_mode == Mode::Add ? remove() : add();
}

void AddRemoveResourceCommand::redo()
{
    m_mode == Mode::Add ? add() : remove();
}

void AddRemoveResourceCommand::add()
{
    m_document->insertResourceRaw(m_index, m_resource);
}

void AddRemoveResourceCommand::remove()
{
    m_resource = m_document->takeResourceRaw(m_index);
}

} // namespace AuthStudio
