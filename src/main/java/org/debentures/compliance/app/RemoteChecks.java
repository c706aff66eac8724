package org.debentures.compliance.app;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/** What remote partitioning needs before a manager or worker starts (issue 21). */
final class RemoteChecks {

    private RemoteChecks() {
    }

    /** Why RabbitMQ cannot be used; {@code null} when a connection opens. */
    static String brokerUnreachable(ConnectionFactory rabbit) {
        try (Connection connection = rabbit.createConnection()) {
            return connection.isOpen() ? null : "RabbitMQ connection not open";
        } catch (RuntimeException e) {
            String where = rabbit instanceof CachingConnectionFactory c ? c.getHost() + ":" + c.getPort() : "the broker";
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return "RabbitMQ at " + where + " cannot be reached (" + cause.getMessage() + "). Start it (rabbitmq-server"
                    + " -detached) or point spring.rabbitmq.host/port/username/password at it, then run again.";
        }
    }

    /** True when {@code failure} comes from the message broker (a lost or refused RabbitMQ connection). */
    static boolean isBrokerFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.amqp.AmqpException) {
                return true;
            }
        }
        return false;
    }

    /** What an operator reads when the broker was lost during a run. */
    static String describeBrokerLost(Throwable failure, ConnectionFactory rabbit) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = rabbit instanceof CachingConnectionFactory c ? c.getHost() + ":" + c.getPort() : "the broker";
        return "BROKER UNAVAILABLE: RabbitMQ at " + where + " was lost during the run, so the partitions could not all be"
                + " sent to the workers (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ").\n";
    }
}
