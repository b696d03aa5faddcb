#include "LogoutCommand.h"

#include "CliOutput.h"
#include "CliWorkspace.h"
#include "session/SecretStore.h"
#include "session/SessionManager.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace AuthStudio;

int LogoutCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Logs a profile out of a resource: its session is removed everywhere it is kept."));
    CliOutput::addHelpOption(parser);
    CliWorkspace workspace(CliWorkspace::Profile | CliWorkspace::SessionStore);
    workspace.addOptions(parser);
    if (const std::optional<int> exitCode = CliOutput::parse(parser, arguments))
        return *exitCode;
    if (!workspace.load(parser))
        return CliOutput::UsageError;

    SessionManager sessions(workspace.createStore());
    QObject::connect(&sessions, &SessionManager::storeUnavailable, &sessions,
                     [](const QString &message) { CliOutput::err(QStringLiteral("note: ") + message); });
    const QString key =
        SessionManager::sessionKey(workspace.profile(), workspace.workspaceId(), workspace.resource().name);
    // Read first, to say whether there was a session (QA pass 50: "Logged out" was said for none); the
    // forget goes to the store either way, for a session an earlier version left in another place.
    bool hadSession = false;
    sessions.load(key, &sessions, [&](const std::optional<AuthSession> &session) {
        hadSession = session.has_value();
        QObject::connect(&sessions, &SessionManager::idle, &sessions, [] { QCoreApplication::exit(0); });
        sessions.forget(key);
    });
    QCoreApplication::exec();
    CliOutput::out(hadSession
                       ? QStringLiteral("Logged out of \"%1\" (profile %2).")
                             .arg(workspace.resource().name, workspace.profile())
                       : QStringLiteral("Not logged in to \"%1\" (profile %2): there was no session to "
                                        "remove.")
                             .arg(workspace.resource().name, workspace.profile()));
    return CliOutput::Success;
}
