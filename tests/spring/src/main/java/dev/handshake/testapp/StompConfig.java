package dev.handshake.testapp;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over raw WebSocket ({@code /stomp}) and over SockJS ({@code /sockjs}), simple broker.
 * With {@code app.stomp-passcode} set, a CONNECT must carry {@code app.stomp-login} and that
 * passcode, or it is refused in a channel interceptor, as applications check credentials.
 */
@Configuration
@EnableWebSocketMessageBroker
public class StompConfig implements WebSocketMessageBrokerConfigurer {
    @Value("${app.allowed-origins:*}")
    private String[] allowedOrigins;

    @Value("${app.stomp-login:}")
    private String login;

    @Value("${app.stomp-passcode:}")
    private String passcode;

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new ChannelInterceptor() {
            @Override
            public Message<?> preSend(Message<?> message, MessageChannel channel) {
                StompHeaderAccessor stomp =
                        MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
                boolean connect = stomp != null && StompCommand.CONNECT.equals(stomp.getCommand());
                if (connect && !passcode.isEmpty()
                        && !(login.equals(stomp.getLogin()) && passcode.equals(stomp.getPasscode()))) {
                    throw new MessagingException("Bad credentials");
                }
                return message;
            }
        });
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/stomp").setAllowedOriginPatterns(allowedOrigins);
        registry.addEndpoint("/sockjs").setAllowedOriginPatterns(allowedOrigins).withSockJS();
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic");
        registry.setApplicationDestinationPrefixes("/app");
    }

    /** {@code SEND /app/echo} comes back on {@code /topic/echo}. */
    @Controller
    static class EchoController {
        @MessageMapping("/echo")
        @SendTo("/topic/echo")
        String echo(String body) {
            return body;
        }
    }
}
