#include "DemoServerCommand.h"

#include "CliOutput.h"
#include "demo/DemoServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace AuthStudio;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

} // namespace

int DemoServerCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs the embedded demo API on 127.0.0.1 in the foreground. "
                       "Demo login: %1 / %2")
            .arg(DemoServer::demoEmail(), DemoServer::demoPassword()));
    CliOutput::addHelpOption(parser);
    parser.addOption({QStringLiteral("port"),
                      QStringLiteral("Port to listen on (0 picks a free one). Default %1.").arg(DefaultPort),
                      QStringLiteral("P"), QString::number(DefaultPort)});
    parser.addOption({QStringLiteral("token-ttl"),
                      QStringLiteral("Lifetime of issued tokens in seconds. Default 3600."),
                      QStringLiteral("SECONDS"), QStringLiteral("3600")});
    if (const std::optional<int> exitCode = CliOutput::parse(parser, arguments))
        return *exitCode;
    bool portOk = false;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&portOk);
    bool ttlOk = false;
    const int ttl = parser.value(QStringLiteral("token-ttl")).toInt(&ttlOk);
    if (!portOk || port > 65535) {
        CliOutput::err(
            QStringLiteral("--port: '%1' is not a port number").arg(parser.value(QStringLiteral("port"))));
        return CliOutput::UsageError;
    }
    if (!ttlOk || ttl < 0) {
        CliOutput::err(QStringLiteral("--token-ttl: '%1' is not a number of seconds")
                           .arg(parser.value(QStringLiteral("token-ttl"))));
        return CliOutput::UsageError;
    }

    DemoServer server;
    server.setTokenLifetime(ttl);
    if (!server.listen(quint16(port))) {
        CliOutput::err(QStringLiteral("demo-server: can't listen on 127.0.0.1:%1: %2")
                           .arg(port)
                           .arg(server.errorString()));
        return CliOutput::Failure;
    }
    CliOutput::out(QStringLiteral("Demo API listening on %1").arg(server.baseUrl().toString()));
    CliOutput::out(QStringLiteral("Demo login: %1 / %2 (token lifetime %3 s). Stop with Ctrl+C.")
                       .arg(DemoServer::demoEmail(), DemoServer::demoPassword())
                       .arg(ttl));

    // Quit cleanly on SIGINT/SIGTERM through a self-pipe, the async-signal-safe way.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &server);
        QObject::connect(notifier, &QSocketNotifier::activated, &server, [] { QCoreApplication::quit(); });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    const int code = QCoreApplication::exec();
    CliOutput::out(QStringLiteral("Demo API stopped."));
    return code;
}
