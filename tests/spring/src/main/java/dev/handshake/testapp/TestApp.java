package dev.handshake.testapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A WebSocket application as our users write them: a raw echo handler at
 * {@code /ws}, a STOMP endpoint at {@code /stomp} and the same over SockJS at
 * {@code /sockjs}. TLS comes only from the configuration Handshake generates.
 */
@SpringBootApplication
public class TestApp {
    public static void main(String[] args) {
        SpringApplication.run(TestApp.class, args);
    }
}
