// Fuzzes what the studio does with the resources of a file it opened: the names they read from outside
// (ResourceReferences, on import) and the renames of steps, form fields and variables (ReferenceRenamer),
// which rewrite every field of the workflows. The file is read as the recovery file is, without the rules,
// so the renames also see the half-edited workspaces the studio holds.
#include "FuzzCheck.h"
#include "format/WorkspaceReader.h"
#include "script/ReferenceRenamer.h"
#include "script/ResourceReferences.h"

#include <variant>

using namespace AuthStudio;

namespace {

constexpr int MaxRenames = 6; // per workflow, so one input stays fast

void renameIn(const Resource &resource, ReferenceRenamer::WorkflowPart part, const Workflow &workflow)
{
    for (int index = 0; index < qMin<qsizetype>(workflow.steps.size(), MaxRenames); ++index) {
        const QString newName = QStringLiteral("renamed%1").arg(index);
        ReferenceRenamer::renameStep(resource, part, index, newName);
        ReferenceRenamer::clashes(resource, part, index, newName);
        if (const auto *form = std::get_if<FormStep>(&workflow.steps.at(index))) {
            for (int field = 0; field < qMin<qsizetype>(form->fields.size(), MaxRenames); ++field)
                ReferenceRenamer::renameFormField(resource, part, index, field, QStringLiteral("key"));
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    WorkspaceReader reader;
    const std::optional<Workspace> workspace = reader.readWithoutRules(Fuzz::bytes(data, size));
    if (!workspace)
        return 0;
    for (const Resource &resource : workspace->resources) {
        ResourceReferences::asExpressions(ResourceReferences::outsideNames(resource));
        ResourceReferences::authStepsReadByRefresh(resource);
        renameIn(resource, ReferenceRenamer::WorkflowPart::Auth, resource.customAuth.authWorkflow);
        renameIn(resource, ReferenceRenamer::WorkflowPart::Refresh, resource.customAuth.refreshWorkflow);
    }
    for (int index = 0; index < qMin<qsizetype>(workspace->variables.size(), MaxRenames); ++index)
        ReferenceRenamer::renameVariable(*workspace, index, QStringLiteral("RENAMED"));
    return 0;
}
