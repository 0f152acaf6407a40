// 产业与标签: the two catalog lists other records point at, side by side.
import { Col, Row } from 'antd'
import { IndustryPanel } from './IndustryPanel'
import { TagPanel } from './TagPanel'

export function CatalogTab() {
  return (
    <Row gutter={16}>
      <Col xs={24} xl={13}>
        <IndustryPanel />
      </Col>
      <Col xs={24} xl={11}>
        <TagPanel />
      </Col>
    </Row>
  )
}
