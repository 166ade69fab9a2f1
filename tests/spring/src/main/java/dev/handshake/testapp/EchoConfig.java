package dev.handshake.testapp;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** The raw WebSocket endpoint: every text message comes back unchanged. */
@Configuration
@EnableWebSocket
public class EchoConfig implements WebSocketConfigurer {
    /** Origins allowed to open sockets ({@code app.allowed-origins}, default any). */
    @Value("${app.allowed-origins:*}")
    private String[] allowedOrigins;

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new Echo(), "/ws").setAllowedOriginPatterns(allowedOrigins);
    }

    static final class Echo extends TextWebSocketHandler {
        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            session.sendMessage(new TextMessage(message.getPayload()));
        }
    }
}
