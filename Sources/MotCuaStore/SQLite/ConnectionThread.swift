import Foundation
import Synchronization

/// Luồng của một kết nối — a thread of its own on which one SQLite connection runs its work (a Swift task
/// executor): the writer's batches and commits, or a reader's queries.
///
/// SQLite's calls wait for the disk while holding their thread: a commit for its flush (`fsync`), a read for a page
/// the system does not hold. On Swift's shared pool, which has one thread per core, that wait would take a core
/// away from every other request for as long as the disk takes, and two such waits would stop the server; here it
/// only holds this thread, and the pool keeps serving HTTP, JSON and the callers' deadlines meanwhile.
final class ConnectionThread: TaskExecutor, @unchecked Sendable {
    private struct Queue {
        var jobs: [UnownedJob] = []
        var stopped = false
    }

    private let queue = Mutex(Queue())
    private let ready = DispatchSemaphore(value: 0)

    init(name: ThreadName) {
        Thread { [self] in run(named: name) }.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.withLock { $0.jobs.append(job) }
        ready.signal()
    }

    /// Ends the thread once the jobs already queued have run.
    func stop() {
        queue.withLock { $0.stopped = true }
        ready.signal()
    }

    private func run(named name: ThreadName) {
        name.nameCurrentThread()
        while true {
            ready.wait()
            let (job, stopped) = queue.withLock { queue in
                (queue.jobs.isEmpty ? nil : queue.jobs.removeFirst(), queue.stopped && queue.jobs.isEmpty)
            }
            job?.runSynchronously(on: asUnownedTaskExecutor())
            if job == nil && stopped { return }
        }
    }
}
