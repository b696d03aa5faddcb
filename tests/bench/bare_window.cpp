// The benchmark's baseline: a bare Qt Widgets program showing an empty QMainWindow, started the same way
// as the studio. Prints "painted" and quits once its first frame is complete, with when each phase of its
// start ended and the page faults taken by then, as the studio does. With --label the window shows one line
// of text, which makes it load fonts as any window with text must (a second, informational baseline).
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QPaintEvent>
#include <chrono>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace {

// As in the studio: milliseconds since the benchmark launched this process (AUTHSTUDIO_BENCH_T0).
double msSinceLaunch()
{
    static const qint64 launched = qEnvironmentVariable("AUTHSTUDIO_BENCH_T0").toLongLong();
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    return launched > 0 ? double(std::chrono::nanoseconds(now).count() - launched) / 1e6 : 0;
}

// As in the studio: the page faults taken so far; -1 where unknown.
long pageFaultsSoFar()
{
#ifdef Q_OS_UNIX
    rusage usage {};
    if (getrusage(RUSAGE_SELF, &usage) == 0)
        return usage.ru_minflt + usage.ru_majflt;
#endif
    return -1;
}

class Window : public QMainWindow
{
public:
    QString phases; // " main=… app=… opened=…", as the studio reports them

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QMainWindow::paintEvent(event);
        if (!m_painted) {
            m_painted = true;
            // Queued, as in the studio: it runs once the whole first frame has been painted and flushed.
            QMetaObject::invokeMethod(
                qApp,
                [this] {
                    const double frame = msSinceLaunch();
                    std::printf("painted%s frame=%.2f faults=%ld\n", qPrintable(phases), frame,
                                pageFaultsSoFar());
                    std::fflush(stdout);
                    QApplication::quit();
                },
                Qt::QueuedConnection);
        }
    }

private:
    bool m_painted = false;
};
} // namespace

int main(int argc, char *argv[])
{
    const double mainStarted = msSinceLaunch();
    QApplication app(argc, argv);
    const double appReady = msSinceLaunch();
    Window window;
    if (QCoreApplication::arguments().contains(QStringLiteral("--label")))
        window.setCentralWidget(new QLabel(QStringLiteral("Auth Studio"), &window));
    window.resize(1280, 800);
    window.show();
    window.phases = QStringLiteral(" main=%1 app=%2 opened=%3")
                        .arg(mainStarted, 0, 'f', 2)
                        .arg(appReady, 0, 'f', 2)
                        .arg(msSinceLaunch(), 0, 'f', 2);
    return QApplication::exec();
}
