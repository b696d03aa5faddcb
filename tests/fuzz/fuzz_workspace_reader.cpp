// Fuzzes WorkspaceReader (a workspace file or an exported resource, with and without the workspace rules)
// and WorkspaceValidator, which see whatever file a user opens. A file read must also save and load again:
// the writer and the reader apply the same rules.
#include "FuzzCheck.h"
#include "format/WorkspaceReader.h"
#include "format/WorkspaceValidator.h"
#include "format/WorkspaceWriter.h"

using namespace AuthStudio;

namespace {

void checkFailure(const WorkspaceReader &reader)
{
    FUZZ_CHECK(!reader.errors().isEmpty());
    FUZZ_CHECK(!reader.error().reason.isEmpty());
}

void checkValidation(const Workspace &workspace)
{
    const QList<WorkspaceValidator::Problem> problems = WorkspaceValidator::validate(workspace);
    for (const WorkspaceValidator::Problem &problem : problems) {
        FUZZ_CHECK(!problem.reason.isEmpty());
        WorkspaceValidator::describePlace(workspace, problem.pointer);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const QString fileName = QStringLiteral("fuzz.authstudio.json");

    WorkspaceReader reader;
    if (const std::optional<Workspace> workspace = reader.read(input, fileName)) {
        FUZZ_CHECK(WorkspaceValidator::validate(*workspace).isEmpty());
        const QByteArray saved = WorkspaceWriter::toJson(*workspace);
        WorkspaceReader again;
        const std::optional<Workspace> reread = again.read(saved, fileName);
        if (!reread)
            std::fprintf(stderr, "saved file does not load: %s\n", qPrintable(again.error().reason));
        FUZZ_CHECK(reread.has_value());
        FUZZ_CHECK(*reread == *workspace);
    } else {
        checkFailure(reader);
    }

    WorkspaceReader loose;
    if (const std::optional<Workspace> workspace = loose.readWithoutRules(input, fileName)) {
        checkValidation(*workspace);
        for (const KeyValue &variable : workspace->variables)
            WorkspaceValidator::variableNameProblem(variable);
        for (const Resource &resource : workspace->resources) {
            WorkspaceValidator::lifetimeProblem(resource.customAuth);
            for (const KeyValue &header : resource.headers)
                WorkspaceValidator::headerProblem(header);
        }
    } else {
        checkFailure(loose);
    }

    WorkspaceReader resourceReader;
    if (const std::optional<Resource> resource = resourceReader.readResource(input, fileName)) {
        const QByteArray saved = WorkspaceWriter::resourceToJson(*resource);
        WorkspaceReader again;
        const std::optional<Resource> reread = again.readResource(saved, fileName);
        if (!reread)
            std::fprintf(stderr, "saved resource does not load: %s\n", qPrintable(again.error().reason));
        FUZZ_CHECK(reread.has_value());
        FUZZ_CHECK(*reread == *resource);
    } else {
        checkFailure(resourceReader);
    }
    return 0;
}
