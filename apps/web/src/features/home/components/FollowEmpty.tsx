import { Button, Empty } from 'antd';
import { Link } from 'react-router';

/** An empty list's next step: one sentence and the button to take it. */
export function FollowEmpty({ text, action }: { text: string; action?: { label: string; to: string } }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text}>
      {action ? (
        <Link to={action.to}>
          <Button type="primary">{action.label}</Button>
        </Link>
      ) : null}
    </Empty>
  );
}
