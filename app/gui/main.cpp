// authstudio: the desktop studio. Opens the workspace file given on the command line, or the bundled demo
// workspace against the built-in demo API.
#include "session/SessionManager.h"
#include "widgets/StudioStyle.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFont>
#include <QTimer>

#include <chrono>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

#ifdef AUTHSTUDIO_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>

#include <thread>
#endif

namespace {

// How long, at most, the studio waits after its window closed for session writes to the keychain.
constexpr int SessionWriteWaitMs = 5000;

// For the start-up benchmark: milliseconds since it launched this process (it passes the launch time on the
// steady clock, in nanoseconds, in AUTHSTUDIO_BENCH_T0); 0 when started otherwise.
double msSinceLaunch()
{
    static const qint64 launched = qEnvironmentVariable("AUTHSTUDIO_BENCH_T0").toLongLong();
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    return launched > 0 ? double(std::chrono::nanoseconds(now).count() - launched) / 1e6 : 0;
}

// For the start-up benchmark: the page faults the process has taken so far (the first touch of each page of
// memory; costly on some virtual machines, so they explain part of a start-up time); -1 where unknown.
long pageFaultsSoFar()
{
#ifdef Q_OS_UNIX
    rusage usage {};
    if (getrusage(RUSAGE_SELF, &usage) == 0)
        return usage.ru_minflt + usage.ru_majflt;
#endif
    return -1;
}

// For the start-up benchmark (tests/bench): with AUTHSTUDIO_EXIT_AFTER_FIRST_PAINT set, print "painted" and
// quit once the main window's first frame is complete, with when each phase of the start ended
// ("main=… app=… window=… opened=… frame=…", milliseconds since launch) and the page faults taken by then
// ("faults=…"). The window's own paint event
// comes before its children paint, so the line is printed from a queued call, which runs after the whole
// frame is flushed.
class FirstPaintReporter : public QObject
{
public:
    using QObject::QObject;

    void phaseEnded(const char *name)
    {
        // Only the benchmark passes the launch time; started otherwise, the line is just "painted".
        if (qEnvironmentVariableIsSet("AUTHSTUDIO_BENCH_T0"))
            m_phases += QStringLiteral(" %1=%2").arg(QLatin1String(name)).arg(msSinceLaunch(), 0, 'f', 2);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            QMetaObject::invokeMethod(
                qApp,
                [this] {
                    phaseEnded("frame");
                    if (qEnvironmentVariableIsSet("AUTHSTUDIO_BENCH_T0"))
                        m_phases += QStringLiteral(" faults=%1").arg(pageFaultsSoFar());
                    std::printf("painted%s\n", qPrintable(m_phases));
                    std::fflush(stdout);
                    QCoreApplication::quit();
                },
                Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_reported = false;
    QString m_phases;
};

// The options the studio knows, on an application object of the given type (--help and --version need no
// display; the window does).
void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral("Build and test custom API authentication workflows."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QStringLiteral("The workspace to open (.authstudio.json). Without it, the demo "
                       "workspace opens against the built-in demo API."),
        QStringLiteral("[file]"));
}

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("AuthStudio"));
    QCoreApplication::setApplicationName(QStringLiteral("Auth Studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AUTHSTUDIO_VERSION));
}

// --help and --version print and exit before the GUI starts: they work over SSH and in scripts, where
// there is no display to connect to.
void answerInfoOptions(int argc, char *argv[])
{
    bool asked = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--") // a file named like an option follows
            break;
        asked = asked || argument == "-h" || argument == "--help" || argument == "-?" ||
            argument == "--help-all" || argument == "-v" || argument == "--version";
    }
    if (!asked)
        return;
    QCoreApplication app(argc, argv);
    describeApplication();
    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app); // prints and exits
}

} // namespace

int main(int argc, char *argv[])
{
    answerInfoOptions(argc, argv);
    FirstPaintReporter reporter;
    reporter.phaseEnded("main");
    // Fontconfig's set-up (reading and parsing its XML configuration, about 5 ms) is the first thing the
    // window's first line of text waits for. It runs on the second core while QApplication loads the
    // platform plugin and connects to the display, and is joined before any widget exists, so Qt finds
    // fontconfig ready rather than setting it up a second time. Measured: 3-4 ms less to the first frame.
#ifdef AUTHSTUDIO_HAVE_FONTCONFIG
    std::thread fontconfigSetup([] { FcInit(); });
#endif
    QApplication app(argc, argv);
#ifdef AUTHSTUDIO_HAVE_FONTCONFIG
    fontconfigSetup.join();
#endif
    reporter.phaseEnded("app");
    // The style chosen by the platform or -style, with the studio's one adjustment (see StudioStyle).
    QApplication::setStyle(new AuthStudio::StudioStyle(QApplication::style()->name())); // the app owns it
    // Text in scripts that need shaping (Arabic, Indic, ...) is shaped; Latin and the like skip HarfBuzz
    // and take glyphs and advances straight from the font, as Qt offers for text like a UI's. With the
    // desktop's default fonts it draws the same pixels, and start-up takes 7.5% fewer instructions on the
    // main thread (callgrind: 121.7M to 112.5M): every label, tab and table cell is shaped once to be
    // measured and again to be drawn. (Set explicitly, the application font no longer follows a change of
    // the desktop's font while the studio runs; it does at the next start.)
    QFont font = QApplication::font();
    font.setStyleStrategy(QFont::PreferNoShaping);
    QApplication::setFont(font);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Auth Studio"));
    QApplication::setDesktopFileName(QStringLiteral("authstudio"));

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        parser.showHelp(2);

    AuthStudio::MainWindow window;
    reporter.phaseEnded("window");
    if (qEnvironmentVariableIsSet("AUTHSTUDIO_EXIT_AFTER_FIRST_PAINT"))
        window.installEventFilter(&reporter);
    // For the README's screenshot: AUTHSTUDIO_SCREENSHOT=file.png saves the window once it has settled.
    const QString screenshot = qEnvironmentVariable("AUTHSTUDIO_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        QTimer::singleShot(2500, &window, [&window, screenshot] {
            window.grab().save(screenshot);
            QCoreApplication::quit();
        });
    }
    window.show();
    window.start(files.isEmpty() ? QString() : files.first());
    reporter.phaseEnded("opened");
    const int exitCode = QApplication::exec();
    // Session writes to the keychain still under way (a login or rename just before quitting) finish
    // before the process ends, for at most a few seconds should the keychain not answer.
    if (window.sessions()->pendingOperations() > 0) {
        QObject::connect(window.sessions(), &AuthStudio::SessionManager::idle, &app, &QCoreApplication::quit);
        QTimer::singleShot(SessionWriteWaitMs, &app, &QCoreApplication::quit);
        QApplication::exec();
    }
    return exitCode;
}
