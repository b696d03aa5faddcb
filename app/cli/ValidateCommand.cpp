#include "ValidateCommand.h"

#include "CliOutput.h"
#include "format/WorkspaceReader.h"

#include <QCommandLineParser>

using namespace AuthStudio;

int ValidateCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Checks a workspace file. Exit 0 when valid, 2 with "
                                                    "FILE: PLACE: REASON when not."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The workspace file (.authstudio.json)."));
    if (const std::optional<int> exitCode = CliOutput::parse(parser, arguments))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        CliOutput::err(QStringLiteral("usage: authstudio-cli validate FILE"));
        return CliOutput::UsageError;
    }
    const QString file = parser.positionalArguments().first();
    WorkspaceReader reader;
    const std::optional<Workspace> workspace = reader.readFile(file);
    if (!workspace) {
        CliOutput::err(reader.error().toString());
        return CliOutput::UsageError;
    }
    CliOutput::out(QStringLiteral("%1: valid (%2 resource%3)")
                       .arg(file)
                       .arg(workspace->resources.size())
                       .arg(workspace->resources.size() == 1 ? QString() : QStringLiteral("s")));
    return CliOutput::Success;
}
