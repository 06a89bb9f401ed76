import NIOCore

/// Luồng của kết nối — a PostgreSQL connection's event loop as a Swift task executor: a request's queries and the
/// Swift code between them run on the thread that reads and writes the connection's socket.
///
/// PostgresNIO answers each query on the connection's event loop. A task on Swift's shared pool then waits for a
/// wake-up of another thread after every query, and its next query hops back to the loop: two thread switches per
/// round trip, and a transaction makes several. With the loop preferred as the task's executor, the answer resumes
/// the task on the loop itself.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
