#include "AddRemoveStepCommand.h"

#include "WorkspaceDocument.h"

namespace AuthStudio {

AddRemoveStepCommand::AddRemoveStepCommand(WorkspaceDocument *document, Mode mode, const StepRef &ref,
                                           const Step &step, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_mode(mode)
    , m_ref(ref)
    , m_step(mode == Mode::Add ? step : document->step(ref))
{ }

void AddRemoveStepCommand::undo()
{
    m_mode == Mode::Add ? remove() : add();
}

void AddRemoveStepCommand::redo()
{
    m_mode == Mode::Add ? add() : remove();
}

void AddRemoveStepCommand::add()
{
    m_document->insertStepRaw(m_ref, m_step);
}

void AddRemoveStepCommand::remove()
{
    m_step = m_document->takeStepRaw(m_ref);
}

} // namespace AuthStudio
