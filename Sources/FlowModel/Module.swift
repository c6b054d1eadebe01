// Placeholder so the target builds while the definition files wait for FlowExpression and FlowProperties.
