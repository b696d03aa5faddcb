#include "SetStepEnabledCommand.h"

#include "WorkspaceDocument.h"

#include <QCoreApplication>

namespace AuthStudio {

SetStepEnabledCommand::SetStepEnabledCommand(WorkspaceDocument *document, const StepRef &ref, bool enabled)
    : QUndoCommand(enabled ? QCoreApplication::translate("AuthStudio::WorkspaceDocument", "Enable step")
                           : QCoreApplication::translate("AuthStudio::WorkspaceDocument", "Disable step"))
    , m_document(document)
    , m_ref(ref)
    , m_enabled(enabled)
{ }

void SetStepEnabledCommand::undo()
{
    m_document->setStepEnabledRaw(m_ref, !m_enabled);
}

void SetStepEnabledCommand::redo()
{
    m_document->setStepEnabledRaw(m_ref, m_enabled);
}

} // namespace AuthStudio
