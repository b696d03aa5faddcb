// authstudio-cli: the headless entry point. It links only the core library, which proves the engine is
// complete without widgets. Each subcommand lives in its own class.
#include "AuthCommand.h"
#include "CliOutput.h"
#include "DemoServerCommand.h"
#include "LogoutCommand.h"
#include "QueryCommand.h"
#include "ValidateCommand.h"

#include <QCoreApplication>

namespace {

const char *const Usage = R"(usage: authstudio-cli COMMAND [options]

Commands:
  validate FILE                       check a workspace file or a resource export
  auth FILE [--resource NAME] [...]   run a resource's auth workflow headless
  query FILE [--resource NAME] [...]  send queries through a resource, logging in as needed
  logout FILE [--resource NAME]       clear a profile's session for a resource
  demo-server [--port P] [--token-ttl SECONDS]
                                      run the embedded demo API in the foreground

FILE is a workspace (.authstudio.json) or a resource exported from the studio
(.authstudio-resource.json); --resource is needed when it has more than one.

Run 'authstudio-cli COMMAND --help' for a command's options.)";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("authstudio-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("AuthStudio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AUTHSTUDIO_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        CliOutput::err(QString::fromLatin1(Usage));
        return CliOutput::UsageError;
    }
    const QString command = arguments.at(1);
    // The subcommand's parser sees "authstudio-cli <command>" as the program, and its help says so.
    arguments.removeAt(1);
    arguments.first() = QStringLiteral("authstudio-cli ") + command;
    if (command == QLatin1String("validate"))
        return ValidateCommand::run(arguments);
    if (command == QLatin1String("auth"))
        return AuthCommand::run(arguments);
    if (command == QLatin1String("query"))
        return QueryCommand::run(arguments);
    if (command == QLatin1String("logout"))
        return LogoutCommand::run(arguments);
    if (command == QLatin1String("demo-server"))
        return DemoServerCommand::run(arguments);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        CliOutput::out(QString::fromLatin1(Usage));
        return CliOutput::Success;
    }
    if (command == QLatin1String("--version")) {
        CliOutput::out(QStringLiteral("authstudio-cli " AUTHSTUDIO_VERSION));
        return CliOutput::Success;
    }
    CliOutput::err(QStringLiteral("unknown command '%1'\n\n").arg(command) + QString::fromLatin1(Usage));
    return CliOutput::UsageError;
}
