#include "ValidateCommand.h"

#include "CliOutput.h"
#include "format/WorkspaceFormat.h"
#include "format/WorkspaceReader.h"
#include "script/ResourceReferences.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace AuthStudio;

namespace {

// Whether the bytes say they are a resource export; anything else is read as a workspace, whose reader says
// what is wrong with it.
bool isResourceExport(const QByteArray &data)
{
    const QJsonDocument json = QJsonDocument::fromJson(data);
    return json.object().value(QStringLiteral("format")).toString() == WorkspaceFormat::resourceFormatName();
}

QString quotedNames(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted.append(QStringLiteral("{{ %1 }}").arg(name));
    return quoted.join(QStringLiteral(", "));
}

} // namespace

int ValidateCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks a workspace file or a resource export. Exit 0 when valid (with a warning for "
                       "each name a resource reads that its workspace doesn't define), 2 with FILE: PLACE: "
                       "REASON when not."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral(
            "The workspace file (.authstudio.json) or resource export (.authstudio-resource.json)."));
    if (const std::optional<int> exitCode = CliOutput::parse(parser, arguments))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        CliOutput::err(QStringLiteral("usage: authstudio-cli validate FILE"));
        return CliOutput::UsageError;
    }
    const QString file = parser.positionalArguments().first();
    WorkspaceReader reader;
    // Read once; a file that can't be opened is left to readFile(), which says why.
    QFile input(file);
    const bool opened = input.open(QIODevice::ReadOnly);
    const QByteArray data = opened ? input.readAll() : QByteArray();
    if (opened && isResourceExport(data)) {
        const std::optional<Resource> resource = reader.readResource(data, file);
        if (!resource) {
            CliOutput::err(reader.error().toString());
            return CliOutput::UsageError;
        }
        CliOutput::out(QStringLiteral("%1: valid resource export (\"%2\")").arg(file, resource->name));
        const QStringList outside = ResourceReferences::outsideNames(*resource);
        if (!outside.isEmpty())
            CliOutput::err(QStringLiteral("%1: note: it reads %2 from the workspace it is imported into")
                               .arg(file, quotedNames(outside)));
        return CliOutput::Success;
    }
    const std::optional<Workspace> workspace = opened ? reader.read(data, file) : reader.readFile(file);
    if (!workspace) {
        CliOutput::err(reader.error().toString());
        return CliOutput::UsageError;
    }
    CliOutput::out(QStringLiteral("%1: valid (%2 resource%3)")
                       .arg(file)
                       .arg(workspace->resources.size())
                       .arg(workspace->resources.size() == 1 ? QString() : QStringLiteral("s")));
    // Valid by the file's rules, yet a run would stop at a name nobody defines: a typo ({{ tokn }}) or a
    // variable the workspace lost.
    for (const Resource &resource : workspace->resources) {
        QStringList undefined;
        for (const QString &name : ResourceReferences::outsideNames(resource)) {
            if (std::none_of(
                    workspace->variables.cbegin(), workspace->variables.cend(),
                    [&name](const KeyValue &variable) { return variable.enabled && variable.name == name; }))
                undefined.append(name);
        }
        if (!undefined.isEmpty())
            CliOutput::err(
                QStringLiteral("%1: warning: resource \"%2\" reads %3, which no step of it and no enabled "
                               "workspace variable defines: a run stops there")
                    .arg(file, resource.name, quotedNames(undefined)));
    }
    return CliOutput::Success;
}
